// The CRM module: see STYLE.md for its place in the architecture.
enum CRMModule {}
