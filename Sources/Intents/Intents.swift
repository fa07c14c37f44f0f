// The Intents module: see STYLE.md for its place in the architecture.
enum IntentsModule {}
