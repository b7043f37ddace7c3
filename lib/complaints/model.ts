import type { BayesClassifier, LogisticRegressionClassifier } from 'natural/lib/natural/classifiers';
import { tokenizeComplaint } from './tokenize';
import type { ComplaintModel, LabelledComplaint } from './types';

type NaturalClassifier = BayesClassifier | LogisticRegressionClassifier;
type ClassifiersModule = typeof import('natural/lib/natural/classifiers');

let classifiers: ClassifiersModule | undefined;
// natural's classifiers (and their matrix library) load only when a model is used.
function naturalClassifiers(): ClassifiersModule {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	classifiers ??= require('natural/lib/natural/classifiers') as ClassifiersModule;
	return classifiers;
}

const restored = new WeakMap<ComplaintModel, NaturalClassifier>();

/**
 * Features of a complaint for the learned model: Porter stems of English words and jieba words
 * of Chinese, without duplicates.
 *
 * @example
 * modelFeatures('Cracks, cracked! 外箱破损') // ['crack', '外', '箱', '破损']
 */
export function modelFeatures(text: string): string[] {
	return [...new Set(tokenizeComplaint(text))];
}

/**
 * Trains a natural classifier (naive Bayes by default, or logistic regression) on labelled
 * complaints and returns it as plain JSON, ready for JSON.stringify.
 *
 * @example
 * const model = trainComplaintModel([
 *   { text: 'Hinge squeaks on every unit', category: 'design' },
 *   { text: '外箱破损', category: 'logistics_packaging' },
 * ]);
 * JSON.parse(JSON.stringify(model)).format // 'qms-complaint-model'
 */
export function trainComplaintModel(examples: LabelledComplaint[], algorithm: 'bayes' | 'logistic-regression' = 'bayes'): ComplaintModel {
	if (!Array.isArray(examples) || examples.length === 0) throw new Error('examples must be a non-empty array of { text, category }');
	if (algorithm !== 'bayes' && algorithm !== 'logistic-regression') throw new Error(`algorithm must be 'bayes' or 'logistic-regression'`);
	const natural = naturalClassifiers();
	const classifier: NaturalClassifier = algorithm === 'bayes' ? new natural.BayesClassifier() : new natural.LogisticRegressionClassifier();
	const labels = new Set<string>();
	examples.forEach((example, i) => {
		if (typeof example?.text !== 'string' || example.text.trim() === '') throw new Error(`examples[${i}].text must be a non-empty string`);
		if (typeof example.category !== 'string' || example.category.trim() === '') throw new Error(`examples[${i}].category must be a non-empty string`);
		const features = modelFeatures(example.text);
		if (features.length === 0) return;
		classifier.addDocument(features, example.category.trim());
		labels.add(example.category.trim());
	});
	if (labels.size < 2) throw new Error('examples must cover at least two categories');
	classifier.train();
	const { classifier: state, features } = JSON.parse(JSON.stringify(classifier)) as Record<string, unknown>;
	const model: ComplaintModel = {
		format: 'qms-complaint-model',
		version: 1,
		algorithm,
		labels: [...labels].sort(),
		examples: examples.length,
		state: { classifier: state, features },
	};
	restored.set(model, classifier);
	return model;
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
	if (typeof m !== 'object' || m === null || m.format !== 'qms-complaint-model') throw new Error(`model.format must be 'qms-complaint-model'`);
	if (m.version !== 1) throw new Error('model.version must be 1');
	if (m.algorithm !== 'bayes' && m.algorithm !== 'logistic-regression') throw new Error(`model.algorithm must be 'bayes' or 'logistic-regression'`);
	if (!Array.isArray(m.labels) || m.labels.some((l) => typeof l !== 'string')) throw new Error('model.labels must be an array of strings');
	const state = m.state as Record<string, unknown> | undefined;
	if (typeof state?.classifier !== 'object' || typeof state.features !== 'object') throw new Error('model.state must hold classifier and features');
	return m as ComplaintModel;
}

/**
 * Probability of each label for a text (normalised to sum 1; empty when the text has no known
 * feature).
 *
 * @example
 * predictCategories(model, '外箱又破了') // [{ label: 'logistics_packaging', probability: 0.8 }, ...]
 */
export function predictCategories(model: ComplaintModel, text: string): { label: string; probability: number }[] {
	let classifier = restored.get(model);
	if (!classifier) {
		const natural = naturalClassifiers();
		// restore() mutates its argument; give it a copy so the caller's JSON stays as it was.
		const copy = JSON.parse(JSON.stringify(model.state)) as Record<string, unknown>;
		classifier = model.algorithm === 'bayes' ? natural.BayesClassifier.restore(copy) : natural.LogisticRegressionClassifier.restore(copy);
		restored.set(model, classifier);
	}
	const features = modelFeatures(text);
	if (!features.some((f) => Object.prototype.hasOwnProperty.call(classifier.features, f))) return [];
	const raw = classifier.getClassifications(features);
	const total = raw.reduce((sum, c) => sum + (Number.isFinite(c.value) ? c.value : 0), 0);
	if (!(total > 0)) return [];
	return raw.map((c) => ({ label: String(c.label), probability: (Number.isFinite(c.value) ? c.value : 0) / total }));
}
