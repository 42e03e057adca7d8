// A throw-away git repository: a base commit tagged 'base', then a change on top of it.
def run(List<String> command) {
  def process = (['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', '-c', 'commit.gpgsign=false'] + command)
      .execute(null, basedir)
  def out = new StringBuilder()
  process.waitForProcessOutput(out, out)
  assert process.exitValue() == 0 : "git ${command}: ${out}"
}
def write(String path, String text) {
  def file = new File(basedir, path)
  file.parentFile.mkdirs()
  file.text = text
}
def handler = { String name, String body -> """package demo;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

public class ${name} extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
${body}
    ctx.fireChannelRead(msg);
  }
}
""" }

run(['init', '-q'])
write('.gitignore', 'target/\nbuild.log\n')
write('src/main/java/demo/OldHandler.java', handler('OldHandler', '    Thread.sleep(10);'))
run(['add', '-A'])
run(['commit', '-q', '-m', 'base'])
run(['tag', 'base'])

// The pull request: one new sleep in the old file, and a new file that sleeps.
write('src/main/java/demo/OldHandler.java', handler('OldHandler', '    Thread.sleep(10);\n    Thread.sleep(20);'))
write('src/main/java/demo/NewHandler.java', handler('NewHandler', '    Thread.sleep(30);'))
run(['add', '-A'])
run(['commit', '-q', '-m', 'change'])
return true
