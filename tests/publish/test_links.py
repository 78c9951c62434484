"""No broken internal link or anchor, in the public build and in the offline edition."""
from tests.support.links import broken_links


def test_public_site_has_no_broken_link_or_anchor(seed_site):
    assert broken_links(seed_site.site) == []


def test_offline_edition_has_no_broken_link_or_anchor(offline_site):
    assert broken_links(offline_site.site) == []
