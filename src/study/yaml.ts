/**
 * Everything that needs the YAML library, behind one door: the build makes this module a bundle of
 * its own, loaded with import() only when a file has to be parsed or written, so the usual start
 * (the bundled study, answers from flags) never loads the library, and it is bundled once.
 */
export { parseStudy } from './parse.js';
export { studyToYaml } from './write.js';
export { parseAnswersFile } from './answers-file.js';
