import { chartConstants } from '../spc/constants';
import { mean, range, type CrossedDesign } from './design';
import { d2Star } from './dStar';
import type { AverageRangeDetails } from './types';

/** Sigma-unit results of the average-and-range form: EV, AV, GRR, PV, TV and the working values. */
export interface AverageRangeStudy {
	ev: number;
	av: number;
	grr: number;
	pv: number;
	tv: number;
	details: AverageRangeDetails;
}

/**
 * The AIAG average-and-range method (MSA 4th ed., ch. III sec. B, Gage Repeatability and
 * Reproducibility Data Collection Sheet and Report): EV = R-bar-bar K1, AV = sqrt((X-diff K2)^2 -
 * EV^2 / (n r)) (0 when the root is of a negative number), PV = R_p K3, GRR = sqrt(EV^2 + AV^2),
 * TV = sqrt(GRR^2 + PV^2), with K1 = 1/d2(r), K2 = 1/d2*(operators, 1), K3 = 1/d2*(parts, 1) from
 * the exact constants rather than the manual's 4-digit table; ranges beyond UCL_R = D4 R-bar-bar
 * are listed, as the form asks for them to be measured again.
 *
 * @example
 * averageRangeStudy(crossedDesign(aiag)).grr; // 0.30577 (the manual prints 0.30575 from rounded K)
 */
export function averageRangeStudy(design: CrossedDesign): AverageRangeStudy {
	const { values, trials: r, partLabels, operatorLabels } = design;
	const n = partLabels.length;
	const o = operatorLabels.length;
	const rBar = operatorLabels.map((_, j) => mean(values.map((byOp) => range(byOp[j]))));
	const xBar = operatorLabels.map((_, j) => mean(values.flatMap((byOp) => byOp[j])));
	const rBarBar = mean(rBar);
	const xDiff = range(xBar);
	const rangeOfPartMeans = range(values.map((byOp) => mean(byOp.flat())));
	const k1 = 1 / chartConstants(r).d2;
	const k2 = 1 / d2Star(o, 1);
	const k3 = 1 / d2Star(n, 1);
	const { D3, D4 } = chartConstants(r);
	const uclR = D4 * rBarBar;
	const lclR = D3 * rBarBar;
	const rangesOutOfControl = values.flatMap((byOp, i) =>
		byOp.flatMap((cell, j) => {
			const cellRange = range(cell);
			return cellRange > uclR
				? [{ part: partLabels[i], operator: operatorLabels[j], range: cellRange }]
				: [];
		}),
	);
	const ev = rBarBar * k1;
	const av = Math.sqrt(Math.max(0, (xDiff * k2) ** 2 - ev ** 2 / (n * r)));
	const pv = rangeOfPartMeans * k3;
	const grr = Math.hypot(ev, av);
	const tv = Math.hypot(grr, pv);
	return {
		ev,
		av,
		grr,
		pv,
		tv,
		details: {
			rBar,
			xBar,
			rBarBar,
			xDiff,
			rangeOfPartMeans,
			k1,
			k2,
			k3,
			uclR,
			lclR,
			rangesOutOfControl,
		},
	};
}
