package io.gridgov.platform.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web UI: hashed assets cached for a year, and {@code index.html} for every other
 * path that is not an API or a file, so that the single-page app's routes survive a reload.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageAppConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(false)
			.addResolver(new SpaFallbackResolver());
	}

	static final class SpaFallbackResolver extends PathResourceResolver {

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			Resource requested = location.createRelative(resourcePath);
			if (requested.exists() && requested.isReadable() && !resourcePath.isEmpty()) {
				return requested;
			}
			if (resourcePath.startsWith("api/") || resourcePath.equals("api") || resourcePath.startsWith("actuator")
					|| resourcePath.contains(".")) {
				return null;
			}
			Resource index = location.createRelative("index.html");
			return index.exists() ? index : null;
		}
	}
}
