"""The seller side: processing orders into notifications, and delivering them to buyers."""
