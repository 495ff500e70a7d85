"""Connected accounts: what one account is (`account`), the accounts as a whole with their
settings in the store and their secrets in the keyring (`accounts`), and the only door to the
keyring (`credentials`).
"""
