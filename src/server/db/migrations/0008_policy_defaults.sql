-- Starting points the teams described: edit them per workspace (policy defaults) or per campaign.
INSERT INTO policy_defaults (market_code, revision_rounds, feedback_turnaround_hours, briefing_style, communication_notes) VALUES
  ('RU', 3, 24, 'iterative', 'Quick feedback and several revision rounds are normal. A "yes" in chat may mean "maybe": confirm in writing before counting on it.'),
  ('US', 1, 48, 'full_upfront', 'Send the full brief up front; expect few revisions and a firm yes or no.')
ON CONFLICT (market_code) DO NOTHING;
