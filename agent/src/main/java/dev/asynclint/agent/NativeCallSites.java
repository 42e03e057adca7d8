package dev.asynclint.agent;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Points calls of blocking methods that are native on some JDKs at {@code Hook}'s bridges:
 * {@code Object.wait(..)} everywhere (it is final, so the name and descriptor identify it without
 * resolving types) and {@code Thread.sleep(long)} where it is native (JDK 17-20).
 */
final class NativeCallSites implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {
  private static final String HOOK = "dev/asynclint/agent/bootstrap/Hook";

  private final boolean objectWait;
  private final boolean threadSleep;

  NativeCallSites(boolean objectWait, boolean threadSleep) {
    this.objectWait = objectWait;
    this.threadSleep = threadSleep;
  }

  @Override
  public MethodVisitor wrap(TypeDescription instrumentedType, MethodDescription instrumentedMethod,
      MethodVisitor methodVisitor, Implementation.Context implementationContext, TypePool typePool,
      int writerFlags, int readerFlags) {
    return new MethodVisitor(OpenedClassReader.ASM_API, methodVisitor) {
      @Override
      public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (objectWait && opcode == Opcodes.INVOKEVIRTUAL && name.equals("wait")
            && (descriptor.equals("()V") || descriptor.equals("(J)V") || descriptor.equals("(JI)V"))) {
          super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "waitOn",
              "(Ljava/lang/Object;" + descriptor.substring(1), false);
          return;
        }
        if (threadSleep && opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/Thread")
            && name.equals("sleep") && descriptor.equals("(J)V")) {
          super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "sleep", "(J)V", false);
          return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      }
    };
  }
}
