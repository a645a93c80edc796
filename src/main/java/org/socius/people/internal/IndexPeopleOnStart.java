package org.socius.people.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Indexes for search the people that have no search document: those stored before the index
 * existed, or written in bulk. Runs once when the application starts; afterwards every change
 * writes its person's document in its own transaction.
 */
@Component
class IndexPeopleOnStart implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(IndexPeopleOnStart.class);

  private final PersonSearch search;

  IndexPeopleOnStart(PersonSearch search) {
    this.search = search;
  }

  @Override
  public void run(ApplicationArguments args) {
    int indexed = search.indexMissing();
    if (indexed > 0) {
      LOG.info("Indexed {} people for search", indexed);
    }
  }
}
