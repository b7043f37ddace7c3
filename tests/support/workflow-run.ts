import type { INodeExecutionData, IRun } from 'n8n-workflow';

/** The result of one execution, with accessors for what tests assert. */
export class WorkflowRun {
	constructor(readonly run: IRun) {}

	/** The execution-level error (a node that failed without Continue On Fail), if any. */
	get error() {
		return this.run.data.resultData.error;
	}

	/** Items on output `outputIndex` of `nodeName` (first run). Throws if the node did not run. */
	output(nodeName: string, outputIndex = 0): INodeExecutionData[] {
		const task = this.run.data.resultData.runData[nodeName]?.[0];
		if (!task) throw new Error(`Node "${nodeName}" did not run`);
		if (task.error) throw task.error;
		return task.data?.main?.[outputIndex] ?? [];
	}

	/** Item counts per output of `nodeName`, e.g. [3, 1]. */
	outputCounts(nodeName: string): number[] {
		const task = this.run.data.resultData.runData[nodeName]?.[0];
		return (task?.data?.main ?? []).map((items) => items?.length ?? 0);
	}

	/** The error a node raised, if it failed. */
	nodeError(nodeName: string) {
		return this.run.data.resultData.runData[nodeName]?.[0]?.error;
	}
}
