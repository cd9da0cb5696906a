"""Contains all the data models used in inputs/outputs"""

from .access_epl_product_order import AccessEplProductOrder
from .access_epl_product_order_object_type import AccessEplProductOrderObjectType
from .bandwidth_profile import BandwidthProfile
from .bandwidth_profile_object_type import BandwidthProfileObjectType
from .billing_information import BillingInformation
from .billing_information_object_type import BillingInformationObjectType
from .billing_information_patch import BillingInformationPatch
from .billing_information_patch_object_type_type_0 import BillingInformationPatchObjectTypeType0
from .color_mode import ColorMode
from .contact import Contact
from .contact_object_type import ContactObjectType
from .contact_patch import ContactPatch
from .contact_patch_object_type_type_0 import ContactPatchObjectTypeType0
from .desired_responses import DesiredResponses
from .event_subscription import EventSubscription
from .event_subscription_input import EventSubscriptionInput
from .event_subscription_list import EventSubscriptionList
from .existing_enni_reference import ExistingEnniReference
from .existing_enni_reference_object_type import ExistingEnniReferenceObjectType
from .existing_uni_reference import ExistingUniReference
from .existing_uni_reference_object_type import ExistingUniReferenceObjectType
from .failure import Failure
from .formatted_address import FormattedAddress
from .formatted_address_object_type import FormattedAddressObjectType
from .held_order_item import HeldOrderItem
from .held_order_item_object_type import HeldOrderItemObjectType
from .id_assignment import IdAssignment
from .id_assignment_object_type import IdAssignmentObjectType
from .information_rate_quantity import InformationRateQuantity
from .information_rate_quantity_object_type import InformationRateQuantityObjectType
from .item_action import ItemAction
from .jeopardy import Jeopardy
from .l2_cp_address_set import L2CpAddressSet
from .link import Link
from .link_method import LinkMethod
from .link_object_type import LinkObjectType
from .link_patch import LinkPatch
from .link_patch_method_type_0 import LinkPatchMethodType0
from .link_patch_object_type_type_0 import LinkPatchObjectTypeType0
from .milestone import Milestone
from .milestone_create import MilestoneCreate
from .notification_type import NotificationType
from .optional_contact_patch import OptionalContactPatch
from .optional_contact_patch_object_type_type_0 import OptionalContactPatchObjectTypeType0
from .order import Order
from .order_activity import OrderActivity
from .order_create_update import OrderCreateUpdate
from .order_create_update_object_type import OrderCreateUpdateObjectType
from .order_item import OrderItem
from .order_item_object_type import OrderItemObjectType
from .order_item_state_change import OrderItemStateChange
from .order_item_state_notice import OrderItemStateNotice
from .order_item_status import OrderItemStatus
from .order_list import OrderList
from .order_message import OrderMessage
from .order_message_object_type import OrderMessageObjectType
from .order_notification import OrderNotification
from .order_notification_list import OrderNotificationList
from .order_notification_object_type import OrderNotificationObjectType
from .order_object_type import OrderObjectType
from .order_patch import OrderPatch
from .order_revision import OrderRevision
from .order_revision_list import OrderRevisionList
from .order_status import OrderStatus
from .order_type import OrderType
from .ordered_enni_reference import OrderedEnniReference
from .ordered_enni_reference_object_type import OrderedEnniReferenceObjectType
from .ordered_uni_reference import OrderedUniReference
from .ordered_uni_reference_object_type import OrderedUniReferenceObjectType
from .physical_layer import PhysicalLayer
from .pricing_method import PricingMethod
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .product_spec_ref import ProductSpecRef
from .product_spec_ref_object_type import ProductSpecRefObjectType
from .resource_reference import ResourceReference
from .resource_reference_object_type import ResourceReferenceObjectType
from .resource_reference_patch import ResourceReferencePatch
from .resource_reference_patch_object_type_type_0 import ResourceReferencePatchObjectTypeType0
from .resource_type import ResourceType
from .service_site_information import ServiceSiteInformation
from .service_site_information_object_type import ServiceSiteInformationObjectType
from .severity import Severity
from .site_address_type import SiteAddressType
from .svlan_id_assignment import SvlanIdAssignment
from .svlan_id_assignment_object_type import SvlanIdAssignmentObjectType
from .uni_product_order import UniProductOrder
from .uni_product_order_object_type import UniProductOrderObjectType
from .uni_resiliency import UniResiliency
from .units import Units

__all__ = (
    "AccessEplProductOrder",
    "AccessEplProductOrderObjectType",
    "BandwidthProfile",
    "BandwidthProfileObjectType",
    "BillingInformation",
    "BillingInformationObjectType",
    "BillingInformationPatch",
    "BillingInformationPatchObjectTypeType0",
    "ColorMode",
    "Contact",
    "ContactObjectType",
    "ContactPatch",
    "ContactPatchObjectTypeType0",
    "DesiredResponses",
    "EventSubscription",
    "EventSubscriptionInput",
    "EventSubscriptionList",
    "ExistingEnniReference",
    "ExistingEnniReferenceObjectType",
    "ExistingUniReference",
    "ExistingUniReferenceObjectType",
    "Failure",
    "FormattedAddress",
    "FormattedAddressObjectType",
    "HeldOrderItem",
    "HeldOrderItemObjectType",
    "IdAssignment",
    "IdAssignmentObjectType",
    "InformationRateQuantity",
    "InformationRateQuantityObjectType",
    "ItemAction",
    "Jeopardy",
    "L2CpAddressSet",
    "Link",
    "LinkMethod",
    "LinkObjectType",
    "LinkPatch",
    "LinkPatchMethodType0",
    "LinkPatchObjectTypeType0",
    "Milestone",
    "MilestoneCreate",
    "NotificationType",
    "OptionalContactPatch",
    "OptionalContactPatchObjectTypeType0",
    "Order",
    "OrderActivity",
    "OrderCreateUpdate",
    "OrderCreateUpdateObjectType",
    "OrderedEnniReference",
    "OrderedEnniReferenceObjectType",
    "OrderedUniReference",
    "OrderedUniReferenceObjectType",
    "OrderItem",
    "OrderItemObjectType",
    "OrderItemStateChange",
    "OrderItemStateNotice",
    "OrderItemStatus",
    "OrderList",
    "OrderMessage",
    "OrderMessageObjectType",
    "OrderNotification",
    "OrderNotificationList",
    "OrderNotificationObjectType",
    "OrderObjectType",
    "OrderPatch",
    "OrderRevision",
    "OrderRevisionList",
    "OrderStatus",
    "OrderType",
    "PhysicalLayer",
    "PricingMethod",
    "Problem",
    "ProblemErrorsItem",
    "ProductSpecRef",
    "ProductSpecRefObjectType",
    "ResourceReference",
    "ResourceReferenceObjectType",
    "ResourceReferencePatch",
    "ResourceReferencePatchObjectTypeType0",
    "ResourceType",
    "ServiceSiteInformation",
    "ServiceSiteInformationObjectType",
    "Severity",
    "SiteAddressType",
    "SvlanIdAssignment",
    "SvlanIdAssignmentObjectType",
    "UniProductOrder",
    "UniProductOrderObjectType",
    "UniResiliency",
    "Units",
)
