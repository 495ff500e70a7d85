"""Sending a message out: the publish job with the website first and the networks after it
(`publisher`), and deleting a published message everywhere (`deleting`).
"""
