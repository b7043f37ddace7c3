/** Stops the n8n started by global-setup.js (and its task runners, same process group). */
module.exports = async () => {
	const server = globalThis.__QMS_N8N__;
	if (server) await server.stop();
};
