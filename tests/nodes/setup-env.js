// n8n-core logs every node error to the console; the tests assert those errors themselves.
process.env.N8N_LOG_LEVEL = 'silent';
