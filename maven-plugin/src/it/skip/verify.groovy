def log = new File(basedir, 'build.log').text
assert log.contains('async-lint: skipped (async-lint.skip)')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/async-lint').exists()
return true
