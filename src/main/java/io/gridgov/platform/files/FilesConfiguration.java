package io.gridgov.platform.files;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default {@link FileStorage}: the local disk under {@code gridgov.files.root} (default {@code ./data/files}). */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

	@Bean
	@ConditionalOnMissingBean(FileStorage.class)
	FileStorage localFileStorage(@Value("${gridgov.files.root:./data/files}") Path root) {
		return new LocalFileStorage(root);
	}
}
