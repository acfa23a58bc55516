-- Review dates and verification: an article's owner, its review interval (front matter "owner" and "review_every",
-- or set by an editor), the date an editor last verified it, a category's default interval, and which weekly review
-- digests were sent (one per owner and week, also when several nodes run the job or it is retried).
ALTER TABLE articles ADD COLUMN owner VARCHAR(254) NULL;
ALTER TABLE articles ADD COLUMN review_every_days INT NULL;
ALTER TABLE articles ADD COLUMN verified_on DATE NULL;
ALTER TABLE categories ADD COLUMN review_every_days INT NULL;
CREATE TABLE review_digests (
    owner VARCHAR(254) NOT NULL,
    week_start DATE NOT NULL,
    articles INT NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (owner, week_start)
);
