package dev.asynclint.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Points calls of blocking methods that are native on some JDKs at {@code Hook}'s bridges:
 * {@code Object.wait(..)} everywhere (it is final, so name and descriptor identify it without
 * resolving types) and {@code Thread.sleep(long)} where it is native (JDK 17-20).
 *
 * <p>A plain transformer rather than a ByteBuddy one: it sees every non-JDK class as it loads,
 * and most never mention {@code wait} or {@code sleep}; a byte scan of the constant pool lets
 * those pass untouched instead of being parsed and written again.
 */
final class NativeCallSites implements ClassFileTransformer {
  private static final String HOOK = "dev/asynclint/agent/bootstrap/Hook";
  private static final byte[] WAIT = "wait".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SLEEP = "sleep".getBytes(StandardCharsets.US_ASCII);

  private final boolean objectWait;
  private final boolean threadSleep;
  private final StallRecorder recorder;

  NativeCallSites(boolean objectWait, boolean threadSleep, StallRecorder recorder) {
    this.objectWait = objectWait;
    this.threadSleep = threadSleep;
    this.recorder = recorder;
  }

  /** Registers the transformer and rewrites the classes that were loaded before it. */
  void install(Instrumentation inst) {
    inst.addTransformer(this, true);
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> c : inst.getAllLoadedClasses()) {
      if (c.getClassLoader() != null && !c.isArray() && !c.isPrimitive() && !c.isHidden()
          && applies(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
        loaded.add(c);
      }
    }
    for (Class<?> c : loaded) {
      try {
        inst.retransformClasses(c);
      } catch (Throwable e) {
        recorder.internalError(e);
      }
    }
  }

  private static boolean applies(String internalName) {
    return !(internalName.startsWith("java/") || internalName.startsWith("javax/")
        || internalName.startsWith("jdk/") || internalName.startsWith("sun/")
        || internalName.startsWith("com/sun/") || internalName.startsWith("dev/asynclint/agent/")
        || internalName.startsWith("net/bytebuddy/"));
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
      ProtectionDomain domain, byte[] bytes) {
    try {
      if (loader == null || className == null || !applies(className)
          || !(objectWait && contains(bytes, WAIT)) && !(threadSleep && contains(bytes, SLEEP))) {
        return null;
      }
      ClassReader reader = OpenedClassReader.of(bytes);
      // Same stack effect as the calls replaced, so sizes and frames are copied, not computed.
      ClassWriter writer = new ClassWriter(reader, 0);
      boolean[] changed = new boolean[1];
      reader.accept(new ClassVisitor(OpenedClassReader.ASM_API, writer) {
        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
          return rewrite(super.visitMethod(access, name, descriptor, signature, exceptions), changed);
        }
      }, 0);
      return changed[0] ? writer.toByteArray() : null;
    } catch (Throwable e) {
      recorder.internalError(e);
      return null;
    }
  }

  private MethodVisitor rewrite(MethodVisitor target, boolean[] changed) {
    return new MethodVisitor(OpenedClassReader.ASM_API, target) {
      @Override
      public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (objectWait && opcode == Opcodes.INVOKEVIRTUAL && name.equals("wait")
            && (descriptor.equals("()V") || descriptor.equals("(J)V") || descriptor.equals("(JI)V"))) {
          changed[0] = true;
          super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "waitOn",
              "(Ljava/lang/Object;" + descriptor.substring(1), false);
          return;
        }
        if (threadSleep && opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/Thread")
            && name.equals("sleep") && descriptor.equals("(J)V")) {
          changed[0] = true;
          super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "sleep", "(J)V", false);
          return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      }
    };
  }

  private static boolean contains(byte[] bytes, byte[] word) {
    outer:
    for (int i = 0, end = bytes.length - word.length; i <= end; i++) {
      for (int j = 0; j < word.length; j++) {
        if (bytes[i + j] != word[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
