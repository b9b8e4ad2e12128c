-- The orphan upload sweep looks submissions up by the object key their upload was stored under.
CREATE INDEX submission_object_key ON submission (object_key);
