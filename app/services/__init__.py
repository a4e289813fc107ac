"""Business rules and units of work, by domain: records, programmes, access, sync, printing."""
