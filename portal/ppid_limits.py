"""Rate limits of the PPID pages: the budgets the API spends too
(``cms.ppid.rate_limits``). Redis down: allowed (a guard against floods, not a
reason to turn citizens away)."""

import logging

from cms.ppid.rate_limits import spend_email, spend_submission, spend_token_use

logger = logging.getLogger(__name__)


def submission_allowed(address: str, email: str) -> bool:
    """Spends the address's budget, then (when allowed) the email's."""
    if spend_submission(address) is not None or spend_email(email) is not None:
        logger.info("ppid rate limit reached: submission")
        return False
    return True


def spend_honeypot(address: str) -> None:
    """A bot that fills the honeypot spends its address's budget all the same."""
    spend_submission(address)


def token_use_allowed(address: str) -> bool:
    if spend_token_use(address) is not None:
        logger.info("ppid rate limit reached: secret link")
        return False
    return True
