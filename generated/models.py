# Generated from spec/openapi.yaml by codegen (nox -s generate). Do not edit.

from __future__ import annotations

from datetime import date as date_aliased
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel


class DateTime(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]


class OrderStatus(StrEnum):
    """
    ACKNOWLEDGED: received, not yet accepted. IN_PROGRESS: accepted and being worked.
    HELD: held by the buyer. CANCELLED: cancelled by the buyer. REJECTED: refused by the seller.
    COMPLETED: every item delivered. FAILED: no item could be delivered. PARTIAL: the items
    ended differently (some completed, some failed).

    """

    ACKNOWLEDGED = "ACKNOWLEDGED"
    IN_PROGRESS = "IN_PROGRESS"
    HELD = "HELD"
    CANCELLED = "CANCELLED"
    REJECTED = "REJECTED"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    PARTIAL = "PARTIAL"


class OrderItemStatus(StrEnum):
    """
    The state of one order item. IN_PROGRESS: being worked. HELD: its order is held.
    CANCELLED: its order was cancelled while it was open. COMPLETED: delivered (the circuit
    is live). FAILED: could not be delivered.

    """

    IN_PROGRESS = "IN_PROGRESS"
    HELD = "HELD"
    CANCELLED = "CANCELLED"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"


class OrderActivity(StrEnum):
    INSTALL = "INSTALL"
    CHANGE = "CHANGE"
    DISCONNECT = "DISCONNECT"
    MOVE = "MOVE"


class ItemAction(StrEnum):
    INSTALL = "INSTALL"
    CHANGE = "CHANGE"
    DISCONNECT = "DISCONNECT"
    MOVE = "MOVE"
    NO_CHANGE = "NO_CHANGE"


class OrderType(StrEnum):
    ACCESS_EPL = "ACCESS_EPL"
    ACCESS_EVPL = "ACCESS_EVPL"
    UNI = "UNI"
    ENNI = "ENNI"


class DesiredResponses(StrEnum):
    CONFIRMATION_ONLY = "CONFIRMATION_ONLY"
    CONFIRMATION_AND_ENGINEERING_DESIGN = "CONFIRMATION_AND_ENGINEERING_DESIGN"


class PricingMethod(StrEnum):
    CONTRACT = "CONTRACT"
    TARIFF = "TARIFF"
    ICB = "ICB"
    QUOTE = "QUOTE"


class NotificationType(StrEnum):
    """
    CONFIRMATION: the seller accepted the order (or its supplement) and assigned ids and SVLANs.
    ERROR_OR_INFORMATION: the order fails the seller's checks; `orderMessages` say why.
    STATUS_CHANGE: the order's status or its items' states changed (hold, release, cancel,
    an item completed or failed): see `orderStatus` and `orderItemStateChanges`.
    JEOPARDY: the order will be late: `jeopardyReason` and the new `expectedCompletionDate`.
    COMPLETION: the order ended with items delivered (COMPLETED or PARTIAL):
    `completionDate` and the seller's ids of the items completed.
    ACKNOWLEDGEMENT: a step of a seller's ordering flow this service does not send.

    """

    ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT"
    CONFIRMATION = "CONFIRMATION"
    ERROR_OR_INFORMATION = "ERROR_OR_INFORMATION"
    JEOPARDY = "JEOPARDY"
    STATUS_CHANGE = "STATUS_CHANGE"
    COMPLETION = "COMPLETION"


class Severity(StrEnum):
    ERROR = "ERROR"
    WARNING = "WARNING"
    INFORMATION = "INFORMATION"


class Units(StrEnum):
    bps = "bps"
    Kbps = "Kbps"
    Mbps = "Mbps"
    Gbps = "Gbps"
    Tbps = "Tbps"


class ColorMode(StrEnum):
    COLOR_AWARE = "COLOR_AWARE"
    COLOR_BLIND = "COLOR_BLIND"


class PhysicalLayer(StrEnum):
    field_10BASE_T = "10BASE_T"
    field_100BASE_TX = "100BASE_TX"
    field_1000BASE_T = "1000BASE_T"
    field_1000BASE_SX = "1000BASE_SX"
    field_1000BASE_LX = "1000BASE_LX"
    field_10GBASE_SR = "10GBASE_SR"
    field_10GBASE_LR = "10GBASE_LR"
    field_10GBASE_ER = "10GBASE_ER"
    field_40GBASE_SR4 = "40GBASE_SR4"
    field_40GBASE_LR4 = "40GBASE_LR4"
    field_100GBASE_SR10 = "100GBASE_SR10"
    field_100GBASE_LR4 = "100GBASE_LR4"
    field_100GBASE_ER4 = "100GBASE_ER4"


class UniResiliency(StrEnum):
    NONE = "NONE"
    TWO_LINK_ACTIVE_STANDBY = "TWO_LINK_ACTIVE_STANDBY"
    ALL_ACTIVE = "ALL_ACTIVE"
    OTHER = "OTHER"


class L2cpAddressSet(StrEnum):
    CTA = "CTA"
    CTB = "CTB"
    CTB2 = "CTB2"


class ResourceType(StrEnum):
    SERVICEABILITY_RESPONSE = "SERVICEABILITY_RESPONSE"
    PRODUCT_SPEC = "PRODUCT_SPEC"
    QUOTE = "QUOTE"
    PRODUCT_OFFERING = "PRODUCT_OFFERING"
    ORDER = "ORDER"
    SERVICE = "SERVICE"


class Method(StrEnum):
    get = "get"
    post = "post"
    put = "put"
    patch = "patch"
    delete = "delete"


class Link(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["link"] | None = None
    href: Annotated[str, Field(max_length=2048, min_length=1, pattern="^[^\\u0000]*$")]
    rel: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    title: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    method: Method | None = None
    type: Annotated[
        str | None,
        Field(
            description="Media type of the linked resource.",
            max_length=255,
            pattern="^[^\\u0000]*$",
        ),
    ] = None


class Contact(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["contact"] | None = None
    name: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    telephoneNumber: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    telephoneNumberExt: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    email: Annotated[
        str | None,
        Field(
            description="An e-mail address (something@somewhere).",
            pattern="^[^@ \\u0000]+@[^@ \\u0000]+$",
        ),
    ] = None


class BillingInformation(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["billingInformation"] | None = None
    existingBillingAccountNumber: Annotated[
        str | None, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")
    ] = None
    billingContact: Contact | None = None


class ResourceReference(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["resourceReference"] | None = None
    id: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    type: ResourceType | None = None
    link: Link | None = None


class ProductSpecRef(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["productSpecRef"] | None = None
    name: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    code: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    productSpecification: ResourceReference | None = None


class InformationRateQuantity(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["informationRateQuantity"] | None = None
    amount: Annotated[float, Field(ge=0.0, le=1000000000000.0)]
    units: Units


class BandwidthProfile(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["bandwidthProfile"] | None = None
    committedInformationRate: InformationRateQuantity | None = None
    committedBurstSize: Annotated[
        int | None, Field(description="Bytes.", ge=0, le=9007199254740991)
    ] = None
    excessInformationRate: InformationRateQuantity | None = None
    excessBurstSize: Annotated[
        int | None, Field(description="Bytes.", ge=0, le=9007199254740991)
    ] = None
    colorMode: ColorMode | None = None
    couplingFlag: bool | None = None


class FormattedAddress(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["formattedAddress"] | None = None
    addressLine1: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    addressLine2: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    city: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    stateOrProvince: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    postcode: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    postcodeExtension: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    country: Annotated[
        str | None,
        Field(description="ISO 3166-1 alpha-2 country code.", pattern="^[A-Z]{2}$"),
    ] = None


class ServiceSiteInformation(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["serviceSiteInformation"] | None = None
    siteCompanyName: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    customerName: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    siteAddressType: Literal["FORMATTED_ADDRESS"] | None = None
    siteAddress: FormattedAddress | None = None
    additionalSiteInformation: Annotated[str | None, Field(pattern="^[^\\u0000]*$")] = None


class ExistingEnniReference(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["existingEnniReference"]
    sellerEnniId: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    buyerEnniId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None


class OrderedEnniReference(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["orderedEnniReference"]
    orderItemReference: Annotated[
        str,
        Field(
            description="The order item of this order that installs the ENNI.",
            max_length=255,
            min_length=1,
            pattern="^[^\\u0000]*$",
        ),
    ]


class ExistingUniReference(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["existingUniReference"]
    sellerUniId: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    buyerUniId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None


class OrderedUniReference(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["orderedUniReference"]
    orderItemReference: Annotated[
        str,
        Field(
            description="The order item of this order that installs the UNI.",
            max_length=255,
            min_length=1,
            pattern="^[^\\u0000]*$",
        ),
    ]


class AccessEplProductOrder(BaseModel):
    """
    An Access EPL (OVC) ordered between an ENNI and a UNI.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["accessEplProductOrder"]
    sellerOvcId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    buyerOvcId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    uniSvlanId: Annotated[
        int | None,
        Field(
            description="The S-VLAN id at the UNI of an ACCESS_EVPL order (its UNI is VLAN-based): assigned by\nthe seller, unique per UNI; a value the buyer sends is replaced by the seller's.\n",
            ge=1,
            le=4094,
        ),
    ] = None
    productSpecification: Annotated[
        str | None,
        Field(
            description="Code of the seller's product specification.",
            max_length=255,
            pattern="^[^\\u0000]*$",
        ),
    ] = None
    enniSvlanId: Annotated[int | None, Field(ge=1, le=4094)] = None
    enniSvlanIdLast: Annotated[int | None, Field(ge=1, le=4094)] = None
    mtuSize: Annotated[int | None, Field(ge=1522, le=16384)] = None
    colorForwardingEnabled: bool | None = None
    classOfService: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    enniReference: Annotated[
        ExistingEnniReference | OrderedEnniReference | None,
        Field(discriminator="objectType"),
    ] = None
    enniSiteContact: Contact | None = None
    enniSiteAlternateContact: Contact | None = None
    enniIngressBandwidthProfile: BandwidthProfile | None = None
    enniEgressBandwidthProfile: BandwidthProfile | None = None
    uniReference: Annotated[
        ExistingUniReference | OrderedUniReference | None,
        Field(discriminator="objectType"),
    ] = None
    uniSiteContact: Contact | None = None
    uniSiteAlternateContact: Contact | None = None
    uniIngressBandwidthProfile: BandwidthProfile | None = None
    uniEgressBandwidthProfile: BandwidthProfile | None = None


class UniProductOrder(BaseModel):
    """
    A UNI ordered at a service site.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["uniProductOrder"]
    sellerUniId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    buyerUniId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    productSpecification: ProductSpecRef | None = None
    physicalLayer: PhysicalLayer | None = None
    synchronousModeEnabled: bool | None = None
    numberOfLinks: Annotated[int | None, Field(ge=1, le=16)] = None
    uniResiliency: UniResiliency | None = None
    maxServiceFrameSize: Annotated[int | None, Field(ge=1522, le=16384)] = None
    tokenShareEnabled: bool | None = None
    serviceMultiplexingEnabled: bool | None = None
    bundlingEnabled: bool | None = None
    allToOneBundlingEnabled: bool | None = None
    linkOamEnabled: bool | None = None
    uniMegEnabled: bool | None = None
    elmiEnabled: bool | None = None
    uniL2cpAddressSet: L2cpAddressSet | None = None
    serviceSiteInformation: ServiceSiteInformation | None = None
    primarySiteContact: Contact | None = None
    alternateSiteContact: Contact | None = None


class OrderItem(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["orderItem"] | None = None
    orderItemReference: Annotated[
        str,
        Field(
            description="Unique within the order; other items refer to it.",
            max_length=255,
            min_length=1,
            pattern="^[^\\u0000]*$",
        ),
    ]
    action: ItemAction
    quantity: Annotated[int | None, Field(ge=1, le=10000)] = 1
    orderItemDetail: Annotated[
        AccessEplProductOrder | UniProductOrder,
        Field(
            description="The product ordered by an item, discriminated by `objectType`.",
            discriminator="objectType",
        ),
    ]


class OrderItemStateChange(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    changeDate: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]
    fromState: OrderItemStatus | None = None
    toState: OrderItemStatus
    changeReason: Annotated[str | None, Field(max_length=4000, pattern="^[^\\u0000]*$")] = None


class MilestoneCreate(BaseModel):
    """
    A milestone of an order item, as the seller reports it.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    date: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]
    message: Annotated[str | None, Field(max_length=4000, pattern="^[^\\u0000]*$")] = None


class Milestone(BaseModel):
    """
    A milestone of an order item, as recorded.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    date: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]
    message: Annotated[str | None, Field(max_length=4000, pattern="^[^\\u0000]*$")] = None
    recordedAt: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]


class Failure(BaseModel):
    """
    Why the seller fails an order or an order item.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    reason: Annotated[str, Field(max_length=4000, min_length=1, pattern="^[^\\u0000]*$")]


class Jeopardy(BaseModel):
    """
    Why an order will be late, and when it is now expected to complete.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    reason: Annotated[str, Field(max_length=4000, min_length=1, pattern="^[^\\u0000]*$")]
    expectedCompletionDate: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]


class OrderCreateUpdate(BaseModel):
    """
    An order as the buyer sends it, to create an order or to supplement it (PUT).
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    buyerId: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    sellerId: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    buyerPurchaseOrderNumber: Annotated[
        str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")
    ]
    buyerOrderVersion: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    orderDate: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]
    orderActivity: OrderActivity
    desiredResponses: DesiredResponses | None = None
    projectId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    requestedCompletionDate: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]
    requestedStartDate: Annotated[
        str | None,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ] = None
    priority: Annotated[int | None, Field(ge=0, le=99)] = None
    billingInfo: BillingInformation | None = None
    buyerOrderContact: Contact
    buyerImplementationContact: Contact | None = None
    buyerTechnicalContact: Contact | None = None
    pricingMethod: PricingMethod | None = None
    pricingReference: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    pricingTerm: Annotated[int | None, Field(description="Months.", ge=0, le=1200)] = None
    promotionId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    orderType: OrderType
    notes: Annotated[str | None, Field(max_length=4000, pattern="^[^\\u0000]*$")] = None
    serviceabilityResponse: ResourceReference | None = None
    orderItems: Annotated[list[OrderItem], Field(max_length=1000, min_length=1)]
    objectType: Literal["order-create-update"] | None = None


class ContactPatch(BaseModel):
    """
    A merge patch of the contact every order has; `null` removes an optional field.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["contact"] | None = None
    name: Annotated[str | None, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")] = None
    telephoneNumber: Annotated[
        str | None, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")
    ] = None
    telephoneNumberExt: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    email: Annotated[
        str | None,
        Field(
            description="An e-mail address (something@somewhere).",
            pattern="^[^@ \\u0000]+@[^@ \\u0000]+$",
        ),
    ] = None


class OptionalContactPatch(BaseModel):
    """
    A merge patch of a contact the order may not have yet, so with `name` and
    `telephoneNumber`; `null` removes an optional field.

    """

    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["contact"] | None = None
    name: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    telephoneNumber: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    telephoneNumberExt: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    email: Annotated[
        str | None,
        Field(
            description="An e-mail address (something@somewhere).",
            pattern="^[^@ \\u0000]+@[^@ \\u0000]+$",
        ),
    ] = None


class BillingInformationPatch(BaseModel):
    """
    A merge patch of billing information; `null` removes a field.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["billingInformation"] | None = None
    existingBillingAccountNumber: Annotated[
        str | None, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")
    ] = None
    billingContact: OptionalContactPatch | None = None


class LinkPatch(BaseModel):
    """
    A merge patch of a link the order may not have yet, so with `href`; `null` removes an optional field.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["link"] | None = None
    href: Annotated[str, Field(max_length=2048, min_length=1, pattern="^[^\\u0000]*$")]
    rel: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    title: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    method: Method | None = None
    type: Annotated[
        str | None,
        Field(
            description="Media type of the linked resource.",
            max_length=255,
            pattern="^[^\\u0000]*$",
        ),
    ] = None


class IdAssignment(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["idAssignment"] | None = None
    sellerAssignedId: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    buyerAssignedId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    orderItemReference: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None


class SvlanIdAssignment(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["svlanIdAssignment"] | None = None
    sellerEnniId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    sellerUniId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    svlanId: Annotated[int, Field(ge=1, le=4094)]


class OrderMessage(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["orderMessage"] | None = None
    code: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    description: Annotated[str | None, Field(max_length=4000, pattern="^[^\\u0000]*$")] = None
    messageInformation: Annotated[str | None, Field(pattern="^[^\\u0000]*$")] = None
    severity: Severity
    correctionRequired: bool | None = None


class OrderItemStateNotice(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    changeDate: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]
    fromState: OrderItemStatus | None = None
    toState: OrderItemStatus
    changeReason: Annotated[str | None, Field(max_length=4000, pattern="^[^\\u0000]*$")] = None
    orderItemReference: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]


class EventSubscriptionInput(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    callback: Annotated[
        str,
        Field(
            description="The base URL of the buyer's Order Notification API (`https`).",
            max_length=2048,
            min_length=1,
            pattern="^[^\\u0000]*$",
        ),
    ]
    query: Annotated[
        str | None,
        Field(
            description="`eventType=` and notification types separated by commas; none: every notification.",
            max_length=1024,
            pattern="^[^\\u0000]*$",
        ),
    ] = None


class EventSubscription(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    id: Annotated[str, Field(max_length=64, min_length=1)]
    callback: Annotated[str, Field(max_length=2048, min_length=1)]
    query: Annotated[str | None, Field(max_length=1024)] = None


class EventSubscriptionList(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    link: Link | None = None
    available: Annotated[int, Field(description="Number of the caller's subscriptions.", ge=0)]
    returned: Annotated[int, Field(description="Number of subscriptions in `items`.", ge=0)]
    items: Annotated[list[EventSubscription], Field(description="Newest first.")]


class Error(BaseModel):
    pointer: Annotated[
        str | None, Field(description="JSON pointer (RFC 6901) into the request body.")
    ] = None
    parameter: Annotated[
        str | None, Field(description="The query, path or header parameter at fault.")
    ] = None
    detail: str


class Problem(BaseModel):
    """
    RFC 9457 problem details.
    """

    type: str | None = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: Annotated[
        list[Error] | None,
        Field(
            description="Every validation failure, each with a JSON pointer to the offending field."
        ),
    ] = None


class HeldOrderItem(BaseModel):
    """
    An order item as the seller holds it: the buyer's item, the ids the seller assigned
    written into its `orderItemDetail`, and its state, state changes and milestones.
    `state` is missing only in revisions recorded before items had states.

    """

    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["orderItem"] | None = None
    orderItemReference: Annotated[
        str,
        Field(
            description="Unique within the order; other items refer to it.",
            max_length=255,
            min_length=1,
            pattern="^[^\\u0000]*$",
        ),
    ]
    action: ItemAction
    quantity: Annotated[int | None, Field(ge=1, le=10000)] = 1
    orderItemDetail: Annotated[
        AccessEplProductOrder | UniProductOrder,
        Field(
            description="The product ordered by an item, discriminated by `objectType`.",
            discriminator="objectType",
        ),
    ]
    state: OrderItemStatus | None = None
    stateChanges: Annotated[
        list[OrderItemStateChange] | None,
        Field(
            description="Every state the item entered, oldest first (the first has no `fromState`)."
        ),
    ] = None
    milestones: Annotated[
        list[Milestone] | None,
        Field(description="The milestones the seller recorded, in the order recorded."),
    ] = None


class Order(BaseModel):
    """
    An order as the seller holds it.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    buyerId: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    sellerId: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    buyerPurchaseOrderNumber: Annotated[
        str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")
    ]
    buyerOrderVersion: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    orderDate: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]
    orderActivity: OrderActivity
    desiredResponses: DesiredResponses | None = None
    projectId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    requestedCompletionDate: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]
    requestedStartDate: Annotated[
        str | None,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ] = None
    priority: Annotated[int | None, Field(ge=0, le=99)] = None
    billingInfo: BillingInformation | None = None
    buyerOrderContact: Contact
    buyerImplementationContact: Contact | None = None
    buyerTechnicalContact: Contact | None = None
    pricingMethod: PricingMethod | None = None
    pricingReference: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    pricingTerm: Annotated[int | None, Field(description="Months.", ge=0, le=1200)] = None
    promotionId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    orderType: OrderType
    notes: Annotated[str | None, Field(max_length=4000, pattern="^[^\\u0000]*$")] = None
    serviceabilityResponse: ResourceReference | None = None
    orderItems: Annotated[list[HeldOrderItem], Field(max_length=1000, min_length=1)]
    objectType: Literal["order"] | None = None
    id: Annotated[str, Field(description="Seller-assigned order ID.")]
    link: Link | None = None
    orderStatus: OrderStatus
    expectedCompletionDate: Annotated[
        str | None,
        Field(
            description="When the seller expects to complete the order (its CONFIRMATION, then each JEOPARDY).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ] = None
    completionDate: Annotated[
        str | None,
        Field(
            description="When the order ended COMPLETED or PARTIAL.",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ] = None


class ResourceReferencePatch(BaseModel):
    """
    A merge patch of a resource reference the order may not have yet, so with `id`; `null` removes an optional field.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["resourceReference"] | None = None
    id: Annotated[str, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")]
    type: ResourceType | None = None
    link: LinkPatch | None = None


class OrderList(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    link: Link | None = None
    available: Annotated[int, Field(description="Number of orders matching the query.", ge=0)]
    returned: Annotated[int, Field(description="Number of orders in `items`.", ge=0)]
    items: list[Order]


class OrderRevision(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    revision: Annotated[
        int,
        Field(description='Revision number; the ETag of the order is "<revision>".', ge=1),
    ]
    recordedAt: Annotated[
        str,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ]
    order: Order


class OrderRevisionList(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    link: Link | None = None
    available: Annotated[int, Field(ge=0)]
    returned: Annotated[int, Field(ge=0)]
    items: list[OrderRevision]


class OrderNotification(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    objectType: Literal["orderNotification"] | None = None
    orderId: Annotated[str, Field(max_length=64, min_length=1, pattern="^[^\\u0000]*$")]
    buyerId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    sellerId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    buyerPurchaseOrderNumber: Annotated[
        str | None, Field(max_length=255, pattern="^[^\\u0000]*$")
    ] = None
    buyerOrderVersion: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    notificationType: NotificationType
    notificationVersion: Annotated[str | None, Field(max_length=32, pattern="^[^\\u0000]*$")] = None
    projectId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    requestedCompletionDate: Annotated[
        str | None,
        Field(
            description="The completion date as the buyer requested it, echoed even when invalid (an error notification reports it).",
            max_length=255,
            pattern="^[^\\u0000]*$",
        ),
    ] = None
    expectedCompletionDate: Annotated[
        str | None,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ] = None
    orderStatus: OrderStatus | None = None
    sellerOrderContact: Contact | None = None
    billingAccountNumber: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = (
        None
    )
    sellerOvcId: IdAssignment | None = None
    sellerUniIds: Annotated[list[IdAssignment] | None, Field(max_length=1000)] = None
    sellerEnniIds: Annotated[list[IdAssignment] | None, Field(max_length=1000)] = None
    enniSvlanIds: Annotated[list[SvlanIdAssignment] | None, Field(max_length=1000)] = None
    uniSvlanIds: Annotated[list[SvlanIdAssignment] | None, Field(max_length=1000)] = None
    orderMessages: Annotated[list[OrderMessage] | None, Field(max_length=1000)] = None
    correctionOrderExpected: bool | None = None
    correctionOrderDueDate: date_aliased | None = None
    completionDate: Annotated[
        str | None,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ] = None
    jeopardyReason: Annotated[str | None, Field(max_length=4000, pattern="^[^\\u0000]*$")] = None
    orderItemStateChanges: Annotated[
        list[OrderItemStateNotice] | None,
        Field(
            description="The items that changed state in this step (STATUS_CHANGE).",
            max_length=1000,
        ),
    ] = None


class OrderNotificationList(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    link: Link | None = None
    available: Annotated[int, Field(description="Number of notifications of the order.", ge=0)]
    returned: Annotated[int, Field(description="Number of notifications in `items`.", ge=0)]
    items: Annotated[list[OrderNotification], Field(description="Newest first.")]


class OrderPatch(BaseModel):
    """
    A JSON merge patch (RFC 7396) of an order: the fields to change with their new values,
    `null` to remove an optional one. The fields every order has (`sellerId`,
    `buyerOrderVersion`, `orderDate`, `orderActivity`, `requestedCompletionDate`,
    `buyerOrderContact`, `orderType`, `orderItems`) can be changed but not removed.
    `buyerOrderContact` may be patched in part; the other objects, which the order may not
    have yet, carry their required fields; `orderItems` replaces the order's items.

    """

    model_config = ConfigDict(
        extra="forbid",
    )
    sellerId: Annotated[
        str | None, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")
    ] = None
    buyerOrderVersion: Annotated[
        str | None, Field(max_length=255, min_length=1, pattern="^[^\\u0000]*$")
    ] = None
    orderDate: Annotated[
        str | None,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ] = None
    orderActivity: OrderActivity | None = None
    desiredResponses: DesiredResponses | None = None
    projectId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    requestedCompletionDate: Annotated[
        str | None,
        Field(
            description="RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).",
            examples=["2016-10-01T13:20+01:00"],
            pattern="^(?:(?:(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])|(?:0001|9999)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-]00:00))$",
        ),
    ] = None
    requestedStartDate: DateTime | None = None
    priority: Annotated[int | None, Field(ge=0, le=99)] = None
    billingInfo: BillingInformationPatch | None = None
    buyerOrderContact: ContactPatch | None = None
    buyerImplementationContact: OptionalContactPatch | None = None
    buyerTechnicalContact: OptionalContactPatch | None = None
    pricingMethod: PricingMethod | None = None
    pricingReference: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    pricingTerm: Annotated[int | None, Field(description="Months.", ge=0, le=1200)] = None
    promotionId: Annotated[str | None, Field(max_length=255, pattern="^[^\\u0000]*$")] = None
    orderType: OrderType | None = None
    notes: Annotated[str | None, Field(max_length=4000, pattern="^[^\\u0000]*$")] = None
    serviceabilityResponse: ResourceReferencePatch | None = None
    orderItems: Annotated[list[OrderItem] | None, Field(max_length=1000, min_length=1)] = None
