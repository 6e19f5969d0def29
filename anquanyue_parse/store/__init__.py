"""Stage 6: store. The archive walk and the campaign database.

* ``inputs``: the walk over an archive (folders, globs, fsspec URLs) and reading one input;
* ``archive``: ``build_archive``, the resumable build (plan, parse, write, relink);
* ``build_plan``, ``build_tasks``, ``build_local``, ``build_dask``, ``build_guard``,
  ``task_guard``, ``build_report``: what a build does, where it runs, its guards and report;
* ``db_schema``, ``db_rows``, ``db_write``, ``db_links``, ``db_lock``: the tables, the rows of
  one record, writing them, duplicate links, the build lock;
* ``db``: reading the database back (``open_database``, ``load_campaigns``, ``load_records``).

Nothing is imported here: the database layer (SQLAlchemy, pandas) loads only when asked for.
"""
