"""工会保障 — the union's E路守护, Guangdong's member mutual aid and joining the union."""
