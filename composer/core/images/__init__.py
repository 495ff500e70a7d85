"""Photos, from the person's file to the bytes a destination receives: reading within bounds
(`header`, `probe`, the `errors` both raise), decoding upright in sRGB, fitting under a
network's limits (`fit`, `search`, `encode`, `jpeg`, `gif`), thumbnails, and the
content-addressed copies in the profile (`copies`).
"""
