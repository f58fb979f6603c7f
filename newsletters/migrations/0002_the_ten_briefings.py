from django.db import migrations

# (slug, name, cadence, send time, weekday, every section, auto-draft, description)
BRIEFINGS = [
    ("takeaway", "The Takeaway & Week in Review", "weekly", "08:00", 5, True, False,
     "The week's most important stories from across the region, with what they mean and what to watch next."),
    ("middle-east-minute", "Middle East Minute", "daily", "06:30", None, True, True,
     "Everything you need to know before your first meeting: the region's top stories, every morning."),
    ("daily-briefing", "Daily Briefing", "daily", "18:00", None, True, True,
     "The day's news from the Middle East, wrapped up every evening with the analysis behind it."),
    ("business-tech", "Business & Tech Briefing", "weekly", "08:00", 1, False, False,
     "Deals, markets, energy and technology across the region, every week."),
    ("security", "Security Briefing", "weekly", "08:00", 2, False, False,
     "Defence deals, conflicts, militias and arms transfers: the week in regional security."),
    ("gulf", "Gulf Briefing", "weekly", "08:00", 3, False, False,
     "Saudi Arabia, the UAE, Qatar, Kuwait, Bahrain and Oman: politics, money and power in the Gulf."),
    ("israel", "Israel Briefing", "weekly", "08:00", 0, False, False,
     "Israeli politics, security and society, explained every week."),
    ("palestine", "Palestine Briefing", "weekly", "08:00", 0, False, False,
     "The West Bank, Gaza and Palestinian politics, every week."),
    ("turkey", "Turkey Briefing", "weekly", "08:00", 4, False, False,
     "Turkey's politics, economy and foreign policy, every week."),
    ("iraq", "Iraq Briefing", "weekly", "08:00", 4, False, False,
     "Iraq's politics, oil, militias and neighbours, every week."),
]


def create(apps, schema_editor):
    Newsletter = apps.get_model("newsletters", "Newsletter")
    for order, (slug, name, cadence, send_time, weekday, everything, auto, description) in enumerate(BRIEFINGS):
        Newsletter.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "cadence": cadence,
                "send_time": send_time,
                "send_weekday": weekday,
                "all_sections": everything,
                "auto_draft": auto,
                "description": description,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("newsletters", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
