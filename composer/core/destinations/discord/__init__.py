"""A Discord channel webhook: checking its URL (`connect`) and publishing through it (`publish`)."""
