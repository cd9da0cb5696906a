"""A client library for accessing Carrier Ethernet Order API and Order Notification API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
