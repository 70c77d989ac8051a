-- Records one applied schema version.
INSERT INTO <migrations> (version, name, applied_at) VALUES (:version, :name, now())
