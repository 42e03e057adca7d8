def log = new File(basedir, 'build.log').text
// SlowHandler calls the Lombok-generated getDelay(): the analysis compile ran Lombok from
// maven-compiler-plugin's annotationProcessorPaths, or it would not have compiled.
assert log.contains('[ERROR] src/main/java/demo/SlowHandler.java:[16,17] [SleepInEventLoop] `Thread.sleep(getDelay())`')
assert log.contains('(not failing: failOnViolation=false)')
assert log.contains('BUILD SUCCESS')
def args = new File(basedir, 'target/async-lint/work/javac.args').readLines()
def processorPath = args[args.indexOf('"-processorpath"') + 1]
assert processorPath.contains('lombok-1.18.42.jar')
assert processorPath.contains('error_prone_core-')
assert args.contains('"-proc:full"')
return true
