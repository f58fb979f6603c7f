"""Small exports in the shapes WordPress, Ghost and Mailchimp write them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

WXR_ITEM = """
<item>
  <title>{title}</title>
  <link>https://old.example.com/{year}/05/{slug}/</link>
  <dc:creator><![CDATA[hana]]></dc:creator>
  <guid isPermaLink="false">https://old.example.com/?p={id}</guid>
  <content:encoded><![CDATA[{html}]]></content:encoded>
  <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
  <wp:post_id>{id}</wp:post_id>
  <wp:post_date_gmt><![CDATA[{year}-05-1{day} 09:30:00]]></wp:post_date_gmt>
  <wp:post_name><![CDATA[{slug}]]></wp:post_name>
  <wp:status><![CDATA[{status}]]></wp:status>
  <wp:post_type><![CDATA[{type}]]></wp:post_type>
  <category domain="category" nicename="security"><![CDATA[Security]]></category>
  <category domain="post_tag" nicename="drones"><![CDATA[Drones]]></category>
  <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[{thumbnail}]]></wp:meta_value></wp:postmeta>
</item>"""

WXR_HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Old Desk</title>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:author><wp:author_login><![CDATA[hana]]></wp:author_login>
    <wp:author_display_name><![CDATA[Hana Haddad]]></wp:author_display_name></wp:author>
"""
WXR_ATTACHMENT = """
<item>
  <title>Convoy at the border</title>
  <wp:post_id>900</wp:post_id>
  <wp:post_type><![CDATA[attachment]]></wp:post_type>
  <wp:status><![CDATA[inherit]]></wp:status>
  <excerpt:encoded><![CDATA[Trucks queue at Astara, 2 May 2023.]]></excerpt:encoded>
  <wp:attachment_url><![CDATA[https://old.example.com/wp-content/uploads/convoy.jpg]]></wp:attachment_url>
</item>"""


def wxr_attachment(post_id: int, url: str, *, caption: str = "", alt: str = "") -> str:
    """An attachment item (a file in the media library) as WordPress exports it."""
    return f"""
<item>
  <title>Attachment {post_id}</title>
  <wp:post_id>{post_id}</wp:post_id>
  <wp:post_type><![CDATA[attachment]]></wp:post_type>
  <wp:status><![CDATA[inherit]]></wp:status>
  <excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>
  <wp:attachment_url><![CDATA[{url}]]></wp:attachment_url>
  <wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key>
    <wp:meta_value><![CDATA[{alt}]]></wp:meta_value></wp:postmeta>
</item>"""


def wxr_item(n: int, **fields: Any) -> str:
    values = {
        "title": f"Old story {n}",
        "slug": f"old-story-{n}",
        "id": 100 + n,
        "year": 2022,
        "day": n % 10,
        "status": "publish",
        "type": "post",
        "excerpt": f"Why old story {n} matters.",
        "thumbnail": 900,
        "html": f"<p>Paragraph one of story {n}.</p><h2>Background</h2><p>More <a href='https://x.example'>text</a>.</p>",
        **fields,
    }
    return WXR_ITEM.format(**values)


def write_wxr(path: Path, items: list[str], *, attachment: bool = True, close: bool = True) -> Path:
    body = WXR_HEAD + (WXR_ATTACHMENT if attachment else "") + "".join(items)
    if close:
        body += "\n</channel>\n</rss>\n"
    path.write_text(body, encoding="utf-8")
    return path


def ghost_export(
    *, posts: list[dict[str, Any]] | None = None, members: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "db": [
            {
                "meta": {"exported_on": 1700000000000, "version": "5.75.0"},
                "data": {
                    "users": [{"id": "u1", "name": "Omar Nasser", "slug": "omar-nasser", "email": "omar@example.com"}],
                    "tags": [
                        {"id": "t1", "name": "Iran", "slug": "iran", "visibility": "public"},
                        {"id": "t2", "name": "#internal", "slug": "hash-internal", "visibility": "internal"},
                    ],
                    "posts": posts
                    if posts is not None
                    else [
                        {
                            "id": "p1",
                            "title": "Ghost public story",
                            "slug": "ghost-public-story",
                            "html": '<p>Visible to all.</p><script>alert(1)</script><p onclick="steal()">Second.</p>',
                            "status": "published",
                            "visibility": "public",
                            "type": "post",
                            "published_at": "2023-06-01T08:00:00.000Z",
                            "custom_excerpt": "A free piece.",
                            "feature_image": "https://ghost.example.com/content/images/a.jpg",
                            "feature_image_caption": "Tehran at dusk.",
                        },
                        {
                            "id": "p2",
                            "title": "Ghost paid story",
                            "slug": "ghost-paid-story",
                            "html": "<p>The teaser paragraph.</p><p>Paid detail: Ghostline convoys moved at night.</p>",
                            "status": "published",
                            "visibility": "paid",
                            "type": "post",
                            "published_at": "2023-06-02T08:00:00.000Z",
                        },
                        {"id": "p3", "title": "A draft", "slug": "draft", "html": "<p>x</p>", "status": "draft"},
                    ],
                    "posts_tags": [{"post_id": "p1", "tag_id": "t1"}, {"post_id": "p1", "tag_id": "t2"}],
                    "posts_authors": [{"post_id": "p1", "author_id": "u1"}, {"post_id": "p2", "author_id": "u1"}],
                    "newsletters": [{"id": "n1", "slug": "security", "name": "Security Briefing"}],
                    "members": members
                    if members is not None
                    else [
                        {
                            "id": "m1",
                            "email": "Reader@Example.com",
                            "name": "Rana",
                            "status": "free",
                            "created_at": "2023-01-01T00:00:00.000Z",
                        },
                        {
                            "id": "m2",
                            "email": "comped@example.com",
                            "name": "Comp",
                            "status": "comped",
                            "created_at": "2023-01-02T00:00:00.000Z",
                        },
                        {
                            "id": "m3",
                            "email": "payer@example.com",
                            "name": "Payer",
                            "status": "paid",
                            "created_at": "2023-01-03T00:00:00.000Z",
                        },
                    ],
                    "members_newsletters": [
                        {"member_id": "m1", "newsletter_id": "n1"},
                        {"member_id": "m2", "newsletter_id": "n1"},
                    ],
                },
            }
        ]
    }


def write_ghost(path: Path, data: dict[str, Any] | None = None) -> Path:
    path.write_text(json.dumps(data or ghost_export()), encoding="utf-8")
    return path


MAILCHIMP_HEADER = "Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,CONFIRM_TIME,TAGS\n"


def write_mailchimp(path: Path, rows: list[str] | None = None) -> Path:
    default = [
        "mc.one@example.com,Mira,Saleh,2,2022-03-01 10:00:00,2022-03-01 10:05:00,",
        "mc.two@example.com,Yusuf,,3,2022-04-01 10:00:00,2022-04-01 10:05:00,",
        "MC.ONE@example.com,Mira,Saleh,2,2022-03-01 10:00:00,2022-03-01 10:05:00,",
    ]
    path.write_text(MAILCHIMP_HEADER + "\n".join(rows if rows is not None else default) + "\n", encoding="utf-8")
    return path
