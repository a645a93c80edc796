package org.socius.platform.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import org.socius.platform.DataDirectory;
import org.socius.platform.Database;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * A server on the embedded database holds a lock file in the data directory: a second server on
 * the same directory, or a restore while the server runs, is refused with a clear message.
 */
@Component
@ConditionalOnWebApplication
class DataDirectoryLock implements DisposableBean {

  private final FileChannel channel;
  private final FileLock lock;

  DataDirectoryLock(DataDirectory dataDirectory, Database database) throws IOException {
    if (!database.isSqlite()) {
      channel = null;
      lock = null;
      return;
    }
    channel = FileChannel.open(dataDirectory.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock acquired;
    try {
      acquired = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      acquired = null;
    }
    if (acquired == null) {
      channel.close();
      throw new IllegalStateException("Another Socius server is using the data directory " + dataDirectory.path()
          + "; stop it first, or give this one its own SOCIUS_DATA_DIR");
    }
    lock = acquired;
  }

  @Override
  public void destroy() throws IOException {
    if (lock != null) {
      lock.release();
      channel.close();
    }
  }
}
