"""One module per extracted field family; each reads an Article and returns values with evidence."""
