"""What a guide page shows around its text: review dates, owner, and the services that help."""

from __future__ import annotations

from dataclasses import dataclass

from .entities import Contact
from .fields import Text
from .page_meta import PageMeta
from .review import PageReview
from .site import SiteData


@dataclass(frozen=True)
class ServiceLink:
    """A service named in a guide; ``has_page`` is false until the services pages exist."""

    id: str
    title: Text
    has_page: bool


@dataclass(frozen=True)
class GuideView:
    """Everything overrides/guide.html needs besides the page itself."""

    review: PageReview | None
    owner: Contact | None
    services: list[ServiceLink]
    contact: Contact


def guide_view(
    meta: PageMeta, data: SiteData, service_pages: set[str], contact_id: str
) -> GuideView:
    """Combine a guide's front matter with the contacts and services it refers to.

    Arguments:
        service_pages: ids of services that have a page in this language build.
        contact_id: the contact readers are sent to (``extra.saxonyhub.cluster_contact``).
    """
    review = PageReview.from_meta(meta.review) if meta.review else None
    services = [
        ServiceLink(sid, data.services[sid].title, sid in service_pages)
        for sid in meta.services or []
    ]
    owner = data.contacts.get(review.owner) if review else None
    return GuideView(review, owner, services, data.contacts[contact_id])
