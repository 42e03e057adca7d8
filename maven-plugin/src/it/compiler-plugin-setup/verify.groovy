def log = new File(basedir, 'build.log').text
// javac itself (maven-compiler-plugin, as an IDE importing this POM would) reports the rule.
assert log.contains('maven-compiler-plugin:3.13.0:compile')
assert log =~ /\[ERROR\] .*EchoHandler\.java:\[9,\d+\] error: \[SleepInEventLoop\] `Thread\.sleep\(100\)`/
assert log.contains('Toolchain in maven-compiler-plugin: JDK[')
assert log.contains('COMPILATION ERROR')
return true
