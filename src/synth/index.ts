export { SYNTHETIC_PREFIX, sampleAgencies, populationSize, type SynthAgency } from './agencies';
export { generateAgencyReports, templateForYear, requestItems, outcomeItems, type SynthReport, type SynthOptions } from './report';
export { generateBatches, generateDataset, parseYears, syntheticMeta, GENERATOR, type GenerateOptions } from './generate';
export { checkReport, findingsForChecks } from './checks';
