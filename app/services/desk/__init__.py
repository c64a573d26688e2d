"""The desk itself: opening its database, first-run set-up, seed lists, the integrity check."""
