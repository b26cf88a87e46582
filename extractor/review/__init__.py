"""Review tools over the Python API: the page overlay (`inspect`) and the batch HTML report (`report`).
They read only what a Document holds (rows with their page and box, flags, checks) and the page image."""
