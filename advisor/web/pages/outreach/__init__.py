"""工会宣讲 — outreach for union staff: slides, quiz, handout and the membership-drive table."""
