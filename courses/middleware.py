"""Per-request scope for the shared tokens that say whether kept outlines and views still hold."""

from django.contrib.auth import SESSION_KEY

from courses import outline_cache, trainee_cache


class SharedTokensOncePerRequestMiddleware:
    """Reads each shared token at most once per request, the signed-in trainee's with the
    outline's: a course page checks its view restrictions (outline token) and then shows the
    trainee's kept view (both tokens) in one round trip to Redis."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with outline_cache.tokens_read_once(lambda: likely_token_keys(request)):
            return self.get_response(request)


def likely_token_keys(request) -> list[str]:
    """The outline token, and the trainee's if the session names one. Read from the session
    alone (the user row is not needed to name a cache key)."""
    keys = [outline_cache.TOKEN_KEY]
    session = getattr(request, "session", None)
    user_id = session.get(SESSION_KEY) if session is not None else None
    if isinstance(user_id, str) and user_id.isascii() and user_id.isdigit():
        keys.append(trainee_cache.token_key(int(user_id)))
    return keys
