import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

/** Starts the built CLI (`cli.js`) in its own process and resolves with its /v1 URL once it is listening. */
export async function spawnSandbox(cliPath: string, flags: string[], stdio: StdioOptions = ['ignore', 'pipe', 'inherit']): Promise<{ child: ChildProcess; url: string }> {
	const child = spawn(process.execPath, [cliPath, ...flags], { stdio });
	const url = await new Promise<string>((resolve, reject) => {
		let text = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			text += chunk.toString();
			const match = /listening on (http:\/\/\S+\/v1)/.exec(text);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
	});
	return { child, url };
}
