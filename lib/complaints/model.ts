import type {
	BayesClassifier,
	LogisticRegressionClassifier,
} from 'natural/lib/natural/classifiers';
import { isHanCode, toUnits, UnitKind, type Unit } from './tokenize';
import type { ComplaintModel, LabelledComplaint } from './types';

type NaturalClassifier = BayesClassifier | LogisticRegressionClassifier;
type ClassifiersModule = typeof import('natural/lib/natural/classifiers');

let classifiers: ClassifiersModule | undefined;
// natural's classifiers (and their matrix library) load only when a model is trained or a logistic one is used.
function naturalClassifiers(): ClassifiersModule {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	classifiers ??= require('natural/lib/natural/classifiers') as ClassifiersModule;
	return classifiers;
}

const HAS_DIGIT = /[0-9]/;

/**
 * Features of a complaint for the learned model: Porter stems of English words, Chinese
 * characters and pairs of adjacent Chinese characters, without duplicates. Character pairs need
 * no segmenter and, on our corpus, generalise better to unseen complaints than jieba words.
 * Words with digits (ticket, order and part numbers, dates) are left out: they name a case, not
 * what is wrong with it, and as features they let a reference number flip the category.
 *
 * @example
 * featuresOfUnits(toUnits('Cracks, cracked! 外箱破损')) // ['crack', '外', '外箱', '箱', '箱破', '破', '破损', '损']
 */
export function featuresOfUnits(units: Unit[]): string[] {
	const features = new Set<string>();
	for (let i = 0; i < units.length; i++) {
		const u = units[i];
		if (u.kind === UnitKind.Word && u.key.length > 1 && !HAS_DIGIT.test(u.key)) features.add(u.key);
		else if (u.kind === UnitKind.Han) {
			features.add(u.key);
			const next = units[i + 1];
			if (next && next.kind === UnitKind.Han && next.start === u.end)
				features.add(u.key + next.key);
		}
	}
	return [...features];
}

/**
 * Trains a natural classifier (naive Bayes by default, or logistic regression) on labelled
 * complaints and returns it as plain JSON, ready for JSON.stringify.
 *
 * @example
 * const model = trainComplaintModel([
 *   { text: 'Hinge squeaks on every unit', category: 'noise' },
 *   { text: '外箱破损', category: 'logistics_packaging' },
 * ]);
 * JSON.parse(JSON.stringify(model)).format // 'qms-complaint-model'
 */
export function trainComplaintModel(
	examples: LabelledComplaint[],
	algorithm: 'bayes' | 'logistic-regression' = 'bayes',
): ComplaintModel {
	if (!Array.isArray(examples) || examples.length === 0)
		throw new Error('examples must be a non-empty array of { text, category }');
	if (algorithm !== 'bayes' && algorithm !== 'logistic-regression')
		throw new Error(`algorithm must be 'bayes' or 'logistic-regression'`);
	const natural = naturalClassifiers();
	const classifier: NaturalClassifier =
		algorithm === 'bayes'
			? new natural.BayesClassifier()
			: new natural.LogisticRegressionClassifier();
	const labels = new Set<string>();
	examples.forEach((example, i) => {
		if (typeof example?.text !== 'string' || example.text.trim() === '')
			throw new Error(`examples[${i}].text must be a non-empty string`);
		if (typeof example.category !== 'string' || example.category.trim() === '')
			throw new Error(`examples[${i}].category must be a non-empty string`);
		const features = featuresOfUnits(toUnits(example.text));
		if (features.length === 0) return;
		classifier.addDocument(features, example.category.trim());
		labels.add(example.category.trim());
	});
	if (labels.size < 2) throw new Error('examples must cover at least two categories');
	classifier.train();
	const { classifier: state, features } = JSON.parse(JSON.stringify(classifier)) as Record<
		string,
		unknown
	>;
	return {
		format: 'qms-complaint-model',
		version: 1,
		algorithm,
		labels: [...labels].sort(),
		examples: examples.length,
		state: { classifier: state, features },
	};
}

/**
 * Checks a serialised model (object or JSON string) and returns it; throws an Error naming the
 * field that is wrong.
 *
 * @example
 * const again = loadComplaintModel(JSON.stringify(model));
 */
export function loadComplaintModel(input: ComplaintModel | string): ComplaintModel {
	let model: unknown = input;
	if (typeof input === 'string') {
		try {
			model = JSON.parse(input);
		} catch {
			throw new Error('model is not valid JSON');
		}
	}
	const m = model as Partial<ComplaintModel> | null;
	if (typeof m !== 'object' || m === null || m.format !== 'qms-complaint-model')
		throw new Error(`model.format must be 'qms-complaint-model'`);
	if (m.version !== 1) throw new Error('model.version must be 1');
	if (m.algorithm !== 'bayes' && m.algorithm !== 'logistic-regression')
		throw new Error(`model.algorithm must be 'bayes' or 'logistic-regression'`);
	if (!Array.isArray(m.labels) || m.labels.some((l) => typeof l !== 'string'))
		throw new Error('model.labels must be an array of strings');
	const state = m.state as Record<string, unknown> | undefined;
	if (
		typeof state?.classifier !== 'object' ||
		state.classifier === null ||
		typeof state.features !== 'object' ||
		state.features === null
	) {
		throw new Error('model.state must hold classifier and features');
	}
	return m as ComplaintModel;
}

/**
 * natural's Bayes state as flat tables: for feature f and label l, `table[f * labels + l]` is
 * log(count / classTotal), or log(smoothing / classTotal) where natural would use smoothing.
 * Chinese characters and pairs are looked up by code point, so no strings are built per text.
 */

interface BayesTables {
	labels: string[];
	words: Map<string, number>;
	/** Chinese characters by code point: small-integer keys hash fast. */
	han: Map<number, number>;
	/** Pairs of Chinese characters: first code point, then second. */
	hanPairs: Map<number, Map<number, number>>;
	logPrior: Float64Array;
	table: Float64Array;
}

type Predictor = (
	units: Unit[],
	skip?: ArrayLike<number>,
) => { label: string; probability: number }[];
const predictors = new WeakMap<ComplaintModel, Predictor>();

function bayesTables(model: ComplaintModel): BayesTables {
	const state = model.state.classifier as {
		classFeatures: Record<string, Record<string, number>>;
		classTotals: Record<string, number>;
		totalExamples: number;
		smoothing: number;
	};
	const labels = Object.keys(state.classFeatures);
	const names = Object.keys(model.state.features as Record<string, number>);
	const n = labels.length;
	const table = new Float64Array(names.length * n);
	labels.forEach((label, l) => {
		const smooth = Math.log(state.smoothing / state.classTotals[label]);
		for (let f = 0; f < names.length; f++) table[f * n + l] = smooth;
		for (const [f, count] of Object.entries(state.classFeatures[label]))
			table[Number(f) * n + l] = Math.log(count / state.classTotals[label]);
	});
	const words = new Map<string, number>();
	const han = new Map<number, number>();
	const hanPairs = new Map<number, Map<number, number>>();
	names.forEach((name, f) => {
		const cps = [...name].map((c) => c.codePointAt(0) as number);
		if (cps.length === 1 && isHanCode(cps[0])) han.set(cps[0], f);
		else if (cps.length === 2 && cps.every(isHanCode)) {
			let inner = hanPairs.get(cps[0]);
			if (!inner) hanPairs.set(cps[0], (inner = new Map()));
			inner.set(cps[1], f);
		} else words.set(name, f);
	});
	const logPrior = Float64Array.from(labels, (label) =>
		Math.log(state.classTotals[label] / state.totalExamples),
	);
	return { labels, words, han, hanPairs, logPrior, table };
}

/**
 * Naive Bayes exactly as natural (apparatus) scores it: prior x product over the features
 * present of count/classTotal, in log space and over the present features only (natural walks
 * its whole vocabulary for every text); probabilities normalised to sum 1.
 */
function bayesPredictor(model: ComplaintModel): Predictor {
	const t = bayesTables(model);
	const n = t.labels.length;
	const seen = new Int32Array(t.table.length / n);
	let stamp = 0;
	return (units, skip) => {
		stamp++;
		const scores = Float64Array.from(t.logPrior);
		let known = 0;
		const use = (f: number | undefined) => {
			if (f === undefined || seen[f] === stamp) return;
			seen[f] = stamp;
			known++;
			for (let l = 0; l < n; l++) scores[l] += t.table[f * n + l];
		};
		for (let i = 0; i < units.length; i++) {
			if (skip?.[i]) continue;
			const u = units[i];
			if (u.kind === UnitKind.Word) {
				if (u.key.length > 1) use(t.words.get(u.key));
			} else if (u.kind === UnitKind.Han) {
				const cp = u.key.codePointAt(0) as number;
				use(t.han.get(cp));
				const next = units[i + 1];
				if (next && next.kind === UnitKind.Han && next.start === u.end && !skip?.[i + 1])
					use(t.hanPairs.get(cp)?.get(next.key.codePointAt(0) as number));
			}
		}
		if (known === 0) return [];
		let max = -Infinity;
		for (let l = 0; l < n; l++) if (scores[l] > max) max = scores[l];
		let total = 0;
		for (let l = 0; l < n; l++) total += scores[l] = Math.exp(scores[l] - max);
		return t.labels
			.map((label, l) => ({ label, probability: scores[l] / total }))
			.sort((a, b) => b.probability - a.probability);
	};
}

function makePredictor(model: ComplaintModel): Predictor {
	if (model.algorithm === 'bayes') return bayesPredictor(model);
	// restore() mutates its argument; give it a copy so the caller's JSON stays as it was.
	const copy = JSON.parse(JSON.stringify(model.state)) as Record<string, unknown>;
	const classifier = naturalClassifiers().LogisticRegressionClassifier.restore(copy);
	return (units, skip) => {
		const features = featuresOfUnits(skip ? units.filter((_, i) => !skip[i]) : units);
		if (!features.some((f) => Object.prototype.hasOwnProperty.call(classifier.features, f)))
			return [];
		const raw = classifier.getClassifications(features);
		const total = raw.reduce((sum, c) => sum + (Number.isFinite(c.value) ? c.value : 0), 0);
		if (!(total > 0)) return [];
		return raw.map((c) => ({
			label: String(c.label),
			probability: (Number.isFinite(c.value) ? c.value : 0) / total,
		}));
	};
}

/**
 * Probability of each label for a text, most likely first (sums to 1; empty when the text has
 * no feature the model knows). Pass the text's units when you already have them, and `skip`
 * (1 per unit to leave out, e.g. negated evidence).
 *
 * @example
 * predictCategories(model, '外箱又破了') // [{ label: 'logistics_packaging', probability: 0.94 }, ...]
 */
export function predictCategories(
	model: ComplaintModel,
	text: string,
	units: Unit[] = toUnits(text),
	skip?: ArrayLike<number>,
): { label: string; probability: number }[] {
	let predict = predictors.get(model);
	if (!predict) {
		predict = makePredictor(model);
		predictors.set(model, predict);
	}
	return predict(units, skip);
}
