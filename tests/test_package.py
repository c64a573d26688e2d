"""The package's version: from its installed metadata, in a source tree or a bundle."""

from pathlib import Path

from app import installed_version


def test_the_version_is_read_from_the_metadata_folder_name(tmp_path: Path) -> None:
    archive = tmp_path / "base_library.zip"
    archive.write_bytes(b"PK")  # a bundle's path starts with a zip archive
    empty, bundle = tmp_path / "empty", tmp_path / "bundle"
    empty.mkdir()
    (bundle / "complaint_desk-1.2.3.dist-info").mkdir(parents=True)
    (bundle / "psycopg-3.3.9.dist-info").mkdir()
    folders = [str(archive), str(tmp_path / "missing"), str(empty), str(bundle)]
    assert installed_version(folders) == "1.2.3"
    assert installed_version(folders[:3]) is None
