"""The business of orders, knowing neither HTTP nor the database: creating, replaying and
amending orders, their lifecycle, who sees what, and the seller's checks, decisions and notices.
It reaches storage only through the unit of work of ``app.domain.ports``."""
