// n8n's own logger (winston, via LoggerProxy) prints every node error the engine sees, and many tests make
// nodes fail on purpose: each such test printed a console.log block while passing. The tests assert on the
// errors themselves, so the log stays off; N8N_LOG_LEVEL=debug npx jest … shows it again when needed.
process.env.N8N_LOG_LEVEL ??= 'silent';
