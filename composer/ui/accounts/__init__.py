"""The Accounts dialog (`dialog`, `pages`): the connected accounts, one short form per kind
(`connect_form`), connecting off the window's thread (`connecting`) and how accounts are named.
"""
