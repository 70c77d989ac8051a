-- Categories are the names the task queue's error classifier decides (applications add their own),
-- plus the tracker's fixed names: no closed list, only the naming rule of the core's categories.
ALTER TABLE task_trackers
    DROP CONSTRAINT task_trackers_error_category_check,
    ADD CONSTRAINT task_trackers_error_category_name_check
        CHECK (error_category <> '' AND error_category = btrim(error_category))
