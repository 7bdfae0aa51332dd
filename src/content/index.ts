// Scaffold: replaced by the runtime work of issue 2.
export {};
