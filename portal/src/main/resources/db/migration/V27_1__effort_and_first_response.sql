-- Effort and service level: when an agent first answered a case, and per case in the analytics read model its effort
-- score (the customer's survey answer, 1 to 7), the day it was given, the time to the first response and whether that
-- came within the published target.
ALTER TABLE support_cases ADD COLUMN first_response_at TIMESTAMP NULL;
ALTER TABLE analytics_case ADD COLUMN effort_score INT NULL;
ALTER TABLE analytics_case ADD COLUMN rated_on DATE NULL;
ALTER TABLE analytics_case ADD COLUMN first_response_seconds BIGINT NULL;
ALTER TABLE analytics_case ADD COLUMN response_within_target BOOLEAN NULL;
